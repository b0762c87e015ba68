package bench.plain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of pet. */
@Entity
@Table(name = "types")
public class PetType {

	@Id
	private Integer id;

	private String name;

	public String getName() {
		return this.name;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
