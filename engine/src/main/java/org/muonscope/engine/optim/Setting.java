package org.muonscope.engine.optim;

/**
 * One setting of an optimizer kind, as editors and help texts show it.
 *
 * @param name         the key in the text syntax and the JSON form
 * @param type         {@code double.class}, {@code int.class} or {@code boolean.class}
 * @param defaultValue the kind's default
 * @param description  what it does, in one short phrase
 */
public record Setting(String name, Class<?> type, Object defaultValue, String description) { }
