package bench.plain;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** An owner's page. */
@Controller
class OwnerController {

	private final OwnerRepository owners;

	OwnerController(OwnerRepository owners) {
		this.owners = owners;
	}

	@GetMapping("/owners/{ownerId}")
	ModelAndView owner(@PathVariable int ownerId) {
		Owner owner = this.owners.findById(ownerId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		return new ModelAndView("owners/details").addObject("owner", owner);
	}

}
