package org.mlgov.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as the console shows them: UTC, to the minute, and ages such as "3 h". Used in templates as {@code @times}. */
@Component("times")
public class Times {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String format(Instant instant) {
		return (instant == null) ? "" : FORMAT.format(instant);
	}

	public String age(Instant since, Instant now) {
		Duration d = Duration.between(since, now);
		if (d.toDays() > 0) {
			return d.toDays() + " d";
		}
		if (d.toHours() > 0) {
			return d.toHours() + " h";
		}
		return Math.max(0, d.toMinutes()) + " min";
	}

}
