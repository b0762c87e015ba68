package org.mlgov.console.live.aws;

import java.util.List;
import java.util.function.Function;

import org.mlgov.console.draft.SageMakerDirectory;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.aws.AwsProblem;

import org.springframework.stereotype.Component;

/**
 * The wizard's {@link SageMakerDirectory}, read through the console's {@link LiveStateReader} (ListDomains and
 * ListUserProfiles, every page): with {@code console.aws.enabled=false}, or when a read fails, the listing says why
 * in the reader's words.
 */
@Component
public class AwsSageMakerDirectory implements SageMakerDirectory {

	private final LiveStateReader reader;

	public AwsSageMakerDirectory(LiveStateReader reader) {
		this.reader = reader;
	}

	@Override
	public Listing domains(String accountId, String region) {
		return listing(this.reader.listDomains(accountId, region),
				(d) -> new Entry(d.domainId(), d.name(), d.status()));
	}

	@Override
	public Listing userProfiles(String accountId, String region, String domainId) {
		return listing(this.reader.listUserProfiles(accountId, region, domainId),
				(p) -> new Entry(p.userProfileName(), null, p.status()));
	}

	private static <T> Listing listing(LiveRead<List<T>> read, Function<T, Entry> entry) {
		if (read instanceof LiveRead.Found<List<T>> found) {
			return Listing.of(found.value().stream().map(entry).toList());
		}
		return Listing.unavailable(read.problemIfFailed().map(AwsProblem::message).orElse("The list was not read."));
	}

}
