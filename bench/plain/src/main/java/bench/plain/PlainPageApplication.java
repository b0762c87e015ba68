package bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's plain page: an owner with pets and their visits, read with Spring Data JPA and shown by Thymeleaf
 * in a layout with a menu, the make of spring-petclinic's owner page. bench/pages.sh measures its
 * {@code /owners/1} in the same run as the console's pages.
 */
@SpringBootApplication
public class PlainPageApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlainPageApplication.class, args);
	}

}
