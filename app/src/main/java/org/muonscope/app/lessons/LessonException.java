package org.muonscope.app.lessons;

/** A lesson that cannot open, in one line: the lesson, the scene and the field, and what is wrong. */
public final class LessonException extends RuntimeException {
    public LessonException(String lesson, String message) {
        super("lesson " + lesson + ": " + message);
    }

    /** @param scene {@code scene 2 (title)}; null for the lesson's own fields */
    public LessonException(String lesson, String scene, String field, String message) {
        super("lesson " + lesson + ": " + (scene == null ? "" : scene + ", ") + "field '" + field + "': " + message);
    }
}
