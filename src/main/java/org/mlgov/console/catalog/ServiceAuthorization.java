package org.mlgov.console.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * What AWS accepts, per action: a snapshot of the Service Authorization Reference (actions with their access level,
 * resource types and condition keys; resource types with their ARN templates; condition keys with their type and the
 * key that replaces a deprecated one; the global condition keys). Action and condition-key names are matched
 * case-insensitively, as IAM does.
 */
public final class ServiceAuthorization {

	/** One action of one service. Resource types are listed without the trailing {@code *} of required ones. */
	public record Action(String service, String name, String accessLevel, List<String> resourceTypes,
			List<String> conditionKeys) {

		public Action {
			resourceTypes = List.copyOf(resourceTypes);
			conditionKeys = List.copyOf(conditionKeys);
		}

		public String qualifiedName() {
			return this.service + ":" + this.name;
		}

		/** Write, permissions-management and tagging actions change something. */
		public boolean isMutating() {
			String level = this.accessLevel.toLowerCase(Locale.ROOT);
			return level.contains("write") || level.contains("permissions") || level.contains("tagging");
		}

	}

	/** A condition key with its type ("String", "ARN", "ArrayOfString", …) and replacement if deprecated. */
	public record ConditionKey(String name, String type, String deprecatedFor) {
	}

	/** A service's actions, resource types (with their ARN templates) and condition keys, unmodifiable, in load order. */
	public record Service(String prefix, Map<String, Action> actionsByLowerName, Map<String, String> resourceTypes,
			Map<String, ConditionKey> conditionKeysByLowerName) {

		public Service {
			actionsByLowerName = Collections.unmodifiableMap(new LinkedHashMap<>(actionsByLowerName));
			resourceTypes = Collections.unmodifiableMap(new LinkedHashMap<>(resourceTypes));
			conditionKeysByLowerName = Collections.unmodifiableMap(new LinkedHashMap<>(conditionKeysByLowerName));
		}

	}

	private final Map<String, Service> services;

	/** Global keys without a variable, lower case. */
	private final Set<String> globalKeys;

	/** Global keys with a variable ({@code aws:RequestTag/${TagKey}}). */
	private final List<Pattern> globalKeyPatterns;

	/**
	 * Actions by their name as the reference spells it ({@code sagemaker:CreateTrainingJob}), and condition keys
	 * likewise: the generator asks by these names, which are then found without lower-casing them. Any other
	 * spelling is looked up ignoring case, with the same answer.
	 */
	private final Map<String, Action> actionsByName;

	private final Map<String, ConditionKey> conditionKeysByName;

	/** The ARN templates of each action's resource types, in the reference's order (by identity: actions are few). */
	private final Map<Action, List<String>> arnTemplates;

	/**
	 * Answers of {@link #actionsMatching}, {@link #isGlobalConditionKey} and {@link #supportsConditionKey}, which
	 * depend on their arguments only (the reference does not change): the generator asks about the same action
	 * patterns and keys for every role. Bounded: emptied when they reach {@value #MAX_ANSWERS} entries.
	 */
	private final ConcurrentMap<String, List<Action>> actionsMatching = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Boolean> globalConditionKeys = new ConcurrentHashMap<>();

	private final ConcurrentMap<KeyQuestion, Boolean> supportedKeys = new ConcurrentHashMap<>();

	/** Does this action (one of the reference's, by identity) support this condition key? */
	private record KeyQuestion(Action action, String key) {

		@Override
		public boolean equals(Object other) {
			return other instanceof KeyQuestion question && question.action == this.action
					&& question.key.equals(this.key);
		}

		@Override
		public int hashCode() {
			return 31 * System.identityHashCode(this.action) + this.key.hashCode();
		}

	}

	static final int MAX_ANSWERS = 10_000;

	public ServiceAuthorization(Map<String, Service> services, Set<String> globalKeys) {
		this.services = Map.copyOf(services);
		Set<String> plain = new HashSet<>();
		List<Pattern> patterns = new ArrayList<>();
		for (String key : globalKeys) {
			String templated = key.replace("/tag-key", "/${TagKey}");
			if (templated.contains("${")) {
				patterns.add(keyPattern(templated));
			}
			else {
				plain.add(templated.toLowerCase(Locale.ROOT));
			}
		}
		this.globalKeys = Set.copyOf(plain);
		this.globalKeyPatterns = List.copyOf(patterns);
		int actions = this.services.values().stream().mapToInt((s) -> s.actionsByLowerName().size()).sum();
		int keys = this.services.values().stream().mapToInt((s) -> s.conditionKeysByLowerName().size()).sum();
		this.actionsByName = new HashMap<>(actions * 4 / 3 + 1);
		this.arnTemplates = new IdentityHashMap<>(actions);
		this.conditionKeysByName = new HashMap<>(keys * 4 / 3 + 1);
		for (Service service : this.services.values()) {
			for (Action action : service.actionsByLowerName().values()) {
				String name = action.qualifiedName();
				if (findAction(name).orElse(null) == action) {
					this.actionsByName.put(name, action);
				}
				this.arnTemplates.put(action, findArnTemplates(action));
			}
			for (ConditionKey key : service.conditionKeysByLowerName().values()) {
				if (findConditionKey(key.name()).orElse(null) == key) {
					this.conditionKeysByName.put(key.name(), key);
				}
			}
		}
	}

	public Set<String> servicePrefixes() {
		return this.services.keySet();
	}

	public Optional<Action> action(String qualifiedName) {
		Action action = this.actionsByName.get(qualifiedName);
		return (action != null) ? Optional.of(action) : findAction(qualifiedName);
	}

	private Optional<Action> findAction(String qualifiedName) {
		int colon = qualifiedName.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		Service service = this.services.get(qualifiedName.substring(0, colon).toLowerCase(Locale.ROOT));
		if (service == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(
				service.actionsByLowerName().get(qualifiedName.substring(colon + 1).toLowerCase(Locale.ROOT)));
	}

	/** Every action an action pattern such as {@code sagemaker:List*} names (a plain name gives at most one). */
	public List<Action> actionsMatching(String actionPattern) {
		List<Action> actions = this.actionsMatching.get(actionPattern);
		if (actions == null) {
			actions = findActionsMatching(actionPattern);
			remember(this.actionsMatching, actionPattern, actions);
		}
		return actions;
	}

	private static <K, V> void remember(ConcurrentMap<K, V> answers, K question, V answer) {
		if (answers.size() >= MAX_ANSWERS) {
			answers.clear();
		}
		answers.put(question, answer);
	}

	private List<Action> findActionsMatching(String actionPattern) {
		int colon = actionPattern.indexOf(':');
		if (colon < 0) {
			return List.of();
		}
		Service service = this.services.get(actionPattern.substring(0, colon).toLowerCase(Locale.ROOT));
		if (service == null) {
			return List.of();
		}
		String namePattern = actionPattern.substring(colon + 1).toLowerCase(Locale.ROOT);
		return service.actionsByLowerName()
			.entrySet()
			.stream()
			.filter((e) -> ArnGlob.matches(namePattern, e.getKey()))
			.map(Map.Entry::getValue)
			.toList();
	}

	public boolean isGlobalConditionKey(String key) {
		Boolean global = this.globalConditionKeys.get(key);
		if (global == null) {
			global = findGlobalConditionKey(key);
			remember(this.globalConditionKeys, key, global);
		}
		return global;
	}

	private boolean findGlobalConditionKey(String key) {
		if (this.globalKeys.contains(key.toLowerCase(Locale.ROOT))) {
			return true;
		}
		for (Pattern pattern : this.globalKeyPatterns) {
			if (pattern.matcher(key).matches()) {
				return true;
			}
		}
		return false;
	}

	/** True if the key is a global key or one the action lists (templated keys such as aws:RequestTag/${TagKey}). */
	public boolean supportsConditionKey(Action action, String key) {
		if (!this.arnTemplates.containsKey(action)) {
			return findSupport(action, key); // not one of the reference's actions: nothing to remember
		}
		KeyQuestion question = new KeyQuestion(action, key);
		Boolean supported = this.supportedKeys.get(question);
		if (supported == null) {
			supported = findSupport(action, key);
			remember(this.supportedKeys, question, supported);
		}
		return supported;
	}

	private boolean findSupport(Action action, String key) {
		if (isGlobalConditionKey(key)) {
			return true;
		}
		for (String listed : action.conditionKeys()) {
			// Only templated keys need a pattern; the others compare as IAM does, ignoring case.
			boolean matches = listed.contains("${") ? keyPattern(listed).matcher(key).matches()
					: listed.equalsIgnoreCase(key);
			if (matches) {
				return true;
			}
		}
		return false;
	}

	/** The key that replaces a deprecated service condition key, if the reference names one. */
	public Optional<String> replacementFor(String key) {
		return conditionKey(key).map(ConditionKey::deprecatedFor);
	}

	public Optional<ConditionKey> conditionKey(String key) {
		ConditionKey conditionKey = this.conditionKeysByName.get(key);
		return (conditionKey != null) ? Optional.of(conditionKey) : findConditionKey(key);
	}

	private Optional<ConditionKey> findConditionKey(String key) {
		int colon = key.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		Service service = this.services.get(key.substring(0, colon).toLowerCase(Locale.ROOT));
		if (service == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(service.conditionKeysByLowerName().get(key.toLowerCase(Locale.ROOT)));
	}

	public Optional<String> arnTemplate(String service, String resourceType) {
		Service s = this.services.get(service);
		return (s != null) ? Optional.ofNullable(s.resourceTypes().get(resourceType)) : Optional.empty();
	}

	/**
	 * True if the resource (as written in a policy) can name a resource of one of the action's resource types.
	 * {@code *} always can; an action without resource types only accepts {@code *}.
	 */
	public boolean resourceFits(Action action, String resource, String partition) {
		if ("*".equals(resource)) {
			return true;
		}
		List<String> templates = this.arnTemplates.get(action);
		if (templates == null) {
			templates = findArnTemplates(action);
		}
		for (int i = 0; i < templates.size(); i++) {
			if (ArnGlob.intersects(resource, templates.get(i), partition)) {
				return true;
			}
		}
		return false;
	}

	/** The ARN templates of the action's resource types that the reference has, in order. */
	private List<String> findArnTemplates(Action action) {
		List<String> templates = new ArrayList<>();
		for (String type : action.resourceTypes()) {
			arnTemplate(action.service(), type).ifPresent(templates::add);
		}
		return List.copyOf(templates);
	}

	private static final ConcurrentMap<String, Pattern> KEY_PATTERNS = new ConcurrentHashMap<>();

	private static Pattern keyPattern(String key) {
		return KEY_PATTERNS.computeIfAbsent(key, ServiceAuthorization::compileKeyPattern);
	}

	private static Pattern compileKeyPattern(String key) {
		StringBuilder regex = new StringBuilder();
		int i = 0;
		while (i < key.length()) {
			if (key.startsWith("${", i)) {
				int end = key.indexOf('}', i);
				regex.append(".+");
				i = end + 1;
			}
			else {
				regex.append(Pattern.quote(String.valueOf(key.charAt(i))));
				i++;
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

}
