package org.muonscope.app.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Labels;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.spec.TheorySpec;

/**
 * Reads lessons: the bundled ones ({@code assets/lessons/NAME.json}) by name, any other by path. A lesson is
 * checked whole when it opens: a scene that names a lab, preset, view, optimizer or number that does not exist
 * refuses the lesson with one line naming the scene and the field ({@link LessonException}).
 */
public final class Lessons {
    /** The bundled lessons, in menu order. */
    public static final List<String> BUNDLED = List.of("imbalanced-classes", "simplicity-bias", "cnns");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LESSON_FIELDS = Set.of("format", "title", "description", "scenes");
    private static final Set<String> SCENE_FIELDS = Set.of("title", "lab", "preset", "spec", "set", "views", "play",
            "highlight", "caption", "checks");

    private Lessons() { }

    /** A bundled lesson by name, or a lesson file by path. */
    public static Lesson open(String nameOrPath) {
        if (BUNDLED.contains(nameOrPath)) {
            try (InputStream in = Lessons.class.getResourceAsStream("/assets/lessons/" + nameOrPath + ".json")) {
                if (in == null) throw new LessonException(nameOrPath, "the lesson is missing from this build");
                return parse(nameOrPath, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new LessonException(nameOrPath, "cannot be read: " + e.getMessage());
            }
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new LessonException(nameOrPath, "no such lesson (bundled: " + String.join(" ", BUNDLED) + "; or give a lesson file)");
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LessonException(nameOrPath, "cannot be read: " + e.getMessage());
        }
    }

    /** Parses and checks a lesson; {@code name} is only used in messages and as the lesson's name. */
    public static Lesson parse(String name, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "parse error" : e.getMessage().split("\n")[0];
            throw new LessonException(name, "not valid JSON: " + msg);
        }
        if (root == null || !root.isObject()) throw new LessonException(name, "a lesson is a JSON object with \"scenes\"");
        unknown(root, LESSON_FIELDS, name, null);
        JsonNode scenes = root.path("scenes");
        if (!scenes.isArray() || scenes.isEmpty()) throw new LessonException(name, "\"scenes\" must be a non-empty list");
        // first every scene's spec (a caption may quote another scene), then the captions
        List<Spec> specs = new ArrayList<>();
        List<Lab> labs = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            JsonNode s = scenes.get(i);
            String where = where(s, i);
            if (!s.isObject()) throw new LessonException(name, where, "scene", "each scene is a JSON object");
            unknown(s, SCENE_FIELDS, name, where);
            try {
                Lab lab = Lab.of(text(s, "lab"));
                labs.add(lab);
                specs.add(spec(s, lab));
            } catch (SpecException e) {
                throw new LessonException(name, where, field(e), e.reason());
            }
        }
        Caption.Scenes catalog = catalog(specs);
        List<Lesson.Scene> out = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            JsonNode s = scenes.get(i);
            String where = where(s, i);
            Spec spec = specs.get(i);
            try {
                text(s, "title");
                List<String> views = strings(s, "views");
                if (views.isEmpty()) throw new SpecException("views", "name at least one figure (known: " + String.join(" ", LessonFigures.names(spec)) + ")");
                for (String v : views) {
                    if (!LessonFigures.names(spec).contains(v)) {
                        throw new SpecException("views", "unknown view '" + v + "' for a " + spec.kind().id() + " run (known: "
                                + String.join(" ", LessonFigures.names(spec)) + ")");
                    }
                }
                double play = Double.POSITIVE_INFINITY;
                if (s.has("play")) {
                    if (!s.get("play").isNumber() || s.get("play").asDouble() < 0) throw new SpecException("play", "must be a step >= 0");
                    play = s.get("play").asDouble();
                }
                Set<String> highlight = new LinkedHashSet<>(strings(s, "highlight"));
                List<String> labels = Labels.of(spec.optimizers());
                for (String h : highlight) {
                    if (!labels.contains(h)) {
                        throw new SpecException("highlight", "no optimizer '" + h + "' (the scene runs: " + String.join(" ", labels) + ")");
                    }
                }
                Caption caption = parseCaption(text(s, "caption"), i, catalog, "caption");
                List<Check> checks = new ArrayList<>();
                List<String> texts = strings(s, "checks");
                for (int c = 0; c < texts.size(); c++) {
                    try {
                        checks.add(Check.parse(texts.get(c), i, catalog));
                    } catch (IllegalArgumentException e) {
                        throw new SpecException("checks[" + (c + 1) + "]", e.getMessage());
                    }
                }
                out.add(new Lesson.Scene(i + 1, s.get("title").asText(), labs.get(i), spec, views, play, highlight, caption, checks));
            } catch (SpecException e) {
                throw new LessonException(name, where, field(e), e.reason());
            }
        }
        return new Lesson(name, root.path("title").asText(name), root.path("description").asText(""), out);
    }

    private static Caption parseCaption(String text, int scene, Caption.Scenes catalog, String field) {
        try {
            return Caption.parse(text, scene, catalog);
        } catch (IllegalArgumentException e) {
            throw new SpecException(field, e.getMessage());
        }
    }

    private static Spec spec(JsonNode s, Lab lab) {
        boolean preset = s.has("preset"), inline = s.has("spec");
        if (preset == inline) throw new SpecException("preset", "give either \"preset\" (a " + lab.id() + " preset) or \"spec\"");
        Spec spec;
        if (preset) {
            spec = ScenePresets.spec(lab, text(s, "preset"));
        } else {
            try {
                spec = SpecCodec.fromTree(s.get("spec"), null);
            } catch (SpecException e) {
                throw new SpecException("spec." + e.field(), e.reason());
            }
        }
        if (s.has("set")) {
            JsonNode set = s.get("set");
            if (!set.isObject()) throw new SpecException("set", "must be an object of spec fields");
            Map<String, JsonNode> changes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                changes.put(e.getKey(), e.getValue());
            }
            try {
                spec = SpecCodec.with(spec, changes);
            } catch (SpecException e) {
                throw new SpecException("set." + e.field(), e.reason());
            }
        }
        if (!lab.shows(spec.kind())) {
            throw new SpecException(preset ? "preset" : "spec", "a " + spec.kind().id() + " run is not shown in the " + lab.id() + " lab");
        }
        return spec;
    }

    private static Caption.Scenes catalog(List<Spec> specs) {
        return new Caption.Scenes() {
            @Override public int count() { return specs.size(); }
            @Override public ExperimentKind kind(int scene) { return specs.get(scene).kind(); }
            @Override public List<String> labels(int scene) { return Labels.of(specs.get(scene).optimizers()); }
            @Override public int classes(int scene) {
                Spec sp = specs.get(scene);
                if (sp instanceof TheorySpec t) return t.classes();
                if (sp instanceof DlnSpec d && d.singularValues() != null) return d.singularValues().length;
                if (sp instanceof CnnSpec) return -1;
                return -1;
            }
        };
    }

    private static String where(JsonNode s, int i) {
        String title = s.path("title").asText("");
        return "scene " + (i + 1) + (title.isEmpty() ? "" : " (" + title + ")");
    }

    private static String field(SpecException e) {
        return e.field() == null ? "scene" : e.field();
    }

    private static void unknown(JsonNode n, Set<String> known, String lesson, String where) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                String msg = "unknown field (known: " + String.join(" ", known.stream().sorted().toList()) + ")";
                throw where == null ? new LessonException(lesson, null, f, msg) : new LessonException(lesson, where, f, msg);
            }
        }
    }

    private static String text(JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new SpecException(field, "missing (a text)");
        return v.asText();
    }

    private static List<String> strings(JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null) return List.of();
        if (v.isTextual()) return List.of(v.asText());
        if (!v.isArray()) throw new SpecException(field, "must be a list of texts");
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw new SpecException(field, "must be a list of texts, got " + e);
            out.add(e.asText());
        }
        return out;
    }
}
