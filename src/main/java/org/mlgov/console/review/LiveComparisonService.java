package org.mlgov.console.review;

import java.util.ArrayList;
import java.util.List;

import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.review.LiveComparison.BucketCheck;
import org.mlgov.console.review.LiveComparison.Outcome;
import org.mlgov.console.review.LiveComparison.RoleCheck;
import org.mlgov.console.review.LiveComparison.TargetCheck;

import org.springframework.stereotype.Service;

/**
 * Compares a frozen revision with what is live in AWS, through the {@link LiveStateReader} port. Reads that fail
 * become sentences on the result; nothing here throws because AWS could not be reached.
 */
@Service
public class LiveComparisonService {

	private final LiveStateReader reader;

	public LiveComparisonService(LiveStateReader reader) {
		this.reader = reader;
	}

	/**
	 * What the revision would change in AWS.
	 * @param revision the revision under review
	 * @return the comparison with the live role, Canvas targets and buckets
	 */
	public LiveComparison compare(DraftRevision revision) {
		RoleSpec spec = revision.draftContent().spec();
		FrozenDocuments documents = revision.frozenDocuments();
		String account = spec.accountId();
		String region = spec.region();
		String roleName = documents.role().name();

		LiveRead<LiveRole> live = this.reader.readRole(account, roleName);
		RoleCheck role = roleCheck(live, documents.roleMode(), roleName, account);
		List<DocumentChange> roleDocuments = List.of();
		List<SettingChange> roleSettings = List.of();
		if (live instanceof LiveRead.Found<LiveRole> found) {
			RoleSnapshot generated = RoleSnapshot.of(documents);
			RoleSnapshot existing = RoleSnapshot.of(found.value());
			roleDocuments = generated.documentsSince(existing);
			roleSettings = generated.settingsSince(existing);
		}
		return new LiveComparison(account, region, role, roleDocuments, roleSettings,
				canvasTargets(documents, account, region), buckets(documents, account, region));
	}

	private static RoleCheck roleCheck(LiveRead<LiveRole> live, RoleMode mode, String roleName, String account) {
		boolean notFound = live.problemIfFailed()
			.map((problem) -> problem.kind() == ReadProblem.Kind.NOT_FOUND)
			.orElse(false);
		if (mode == RoleMode.UPDATE_EXISTING) {
			if (live.isFound()) {
				return new RoleCheck(Outcome.UPDATES, "Role " + roleName + " exists in account " + account
						+ ": the differences below are what approving this revision would change.");
			}
			if (notFound) {
				return new RoleCheck(Outcome.MISSING, "This revision updates role " + roleName + ", but account "
						+ account + " has no role of that name: there is nothing to update.");
			}
		}
		else {
			if (notFound) {
				return new RoleCheck(Outcome.CREATES_NEW, "Role " + roleName + " does not exist yet in account "
						+ account + ": every document of this revision would be created.");
			}
			if (live.isFound()) {
				return new RoleCheck(Outcome.ALREADY_EXISTS, "This revision creates role " + roleName
						+ ", but account " + account + " already has a role of that name: creating it would fail. "
						+ "Its differences are listed below; the author may want an update of the existing role.");
			}
		}
		return new RoleCheck(Outcome.UNREADABLE, message(live));
	}

	private static String message(LiveRead<?> failed) {
		return failed.problemIfFailed().orElseThrow().message();
	}

	private List<TargetCheck> canvasTargets(FrozenDocuments documents, String account, String region) {
		CanvasTargets targets = documents.canvasTargets();
		String generated = documents.canvasAppSettingsJson();
		if (generated == null || targets == null || targets.domainId() == null || targets.domainId().isBlank()) {
			return List.of();
		}
		String roleArn = documents.role().arn();
		List<TargetCheck> checks = new ArrayList<>();
		if (targets.domainDefault()) {
			String target = "default user settings of domain " + targets.domainId();
			LiveRead<LiveDomain> domain = this.reader.readDomain(account, region, targets.domainId());
			if (domain instanceof LiveRead.Found<LiveDomain> found) {
				LiveDomain value = found.value();
				checks.add(new TargetCheck(target, null, value.defaultExecutionRoleArn(),
						roleArn.equals(value.defaultExecutionRoleArn()), DocumentChange.ofJson("canvas-domain",
								"CanvasAppSettings of the " + target, value.canvasAppSettingsJson(), generated)));
			}
			else {
				checks.add(new TargetCheck(target, message(domain), null, false, null));
			}
		}
		for (String profile : targets.userProfiles()) {
			String target = "user profile " + profile + " of domain " + targets.domainId();
			LiveRead<LiveUserProfile> read = this.reader.readUserProfile(account, region, targets.domainId(), profile);
			if (read instanceof LiveRead.Found<LiveUserProfile> found) {
				LiveUserProfile value = found.value();
				checks.add(new TargetCheck(target, null, value.executionRoleArn(),
						roleArn.equals(value.executionRoleArn()), DocumentChange.ofJson("canvas-profile-" + profile,
								"CanvasAppSettings of " + target, value.canvasAppSettingsJson(), generated)));
			}
			else {
				checks.add(new TargetCheck(target, message(read), null, false, null));
			}
		}
		return checks;
	}

	private List<BucketCheck> buckets(FrozenDocuments documents, String account, String region) {
		List<BucketCheck> checks = new ArrayList<>();
		for (FrozenDocuments.Cors cors : documents.cors()) {
			LiveRead<LiveBucketCors> read = this.reader.readBucketCors(account, region, cors.bucket());
			if (read instanceof LiveRead.Found<LiveBucketCors> found) {
				// A bucket without a CORS configuration has no rules: the generated ones would all be new.
				String live = (found.value().ruleCount() == 0) ? null : found.value().rulesJson();
				checks.add(new BucketCheck(cors.bucket(), null, DocumentChange.ofJson("cors-" + cors.bucket(),
						"CORS rules of bucket " + cors.bucket(), live, cors.json())));
			}
			else {
				checks.add(new BucketCheck(cors.bucket(), message(read), null));
			}
		}
		return checks;
	}

}
