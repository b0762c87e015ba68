package bench.plain;

import org.springframework.data.jpa.repository.JpaRepository;

/** Owners, by Spring Data JPA. */
interface OwnerRepository extends JpaRepository<Owner, Integer> {

}
