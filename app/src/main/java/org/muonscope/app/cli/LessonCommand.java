package org.muonscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.muonscope.app.lessons.Check;
import org.muonscope.app.lessons.Handout;
import org.muonscope.app.lessons.Lesson;
import org.muonscope.app.lessons.LessonRuns;
import org.muonscope.app.lessons.Lessons;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code muonscope lesson}: lists the lessons, runs one's scenes and prints their captions, checks its claims
 * against the engine's numbers, writes its handout and its scenes' run folders.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = {"Run a lesson's scenes headless: print the captions with their numbers, check its claims, write a handout.",
                "NAME is a bundled lesson (see --list) or a lesson file."})
public final class LessonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "a bundled lesson or a lesson JSON file")
    String name;

    @Option(names = "--list", description = "list the bundled lessons")
    boolean list;

    @Option(names = "--handout", paramLabel = "FILE.pdf", description = "write a handout: one page per scene, figures as vectors")
    Path handout;

    @Option(names = "--check", description = "check every claim the lesson makes against its runs (exit 1 when one fails)")
    boolean check;

    @Option(names = "--out", paramLabel = "DIR", description = "write each scene's run folder as DIR/scene-N")
    Path out;

    @Option(names = "--quiet", description = "no progress lines on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (list) {
            for (String n : Lessons.BUNDLED) {
                Lesson l = Lessons.open(n);
                o.printf("%-20s %d scenes  %s%n", n, l.scenes().size(), l.title());
            }
            return MuonscopeCommand.EXIT_OK;
        }
        if (name == null) throw new SpecException("NAME", "give a lesson (bundled: " + String.join(" ", Lessons.BUNDLED) + ") or --list");
        Lesson lesson = Lessons.open(name);
        LessonRuns runs = new LessonRuns(lesson, "muonscope lesson " + name);
        List<Lesson.Scene> scenes = lesson.scenes();
        for (Lesson.Scene s : scenes) {
            if (!quiet) err.printf("scene %d/%d: %s (%s run)%n", s.number(), scenes.size(), s.title(), s.spec().kind().id());
            err.flush();
            RunResult r = runs.run(s.number() - 1, RunListener.NONE, new CancelToken());
            if (out != null) Experiments.write(r, out.resolve("scene-" + s.number()));
        }
        if (handout != null) {
            Handout.write(lesson, runs::result, handout);
            if (!quiet) err.println("wrote " + handout);
        }
        if (check) {
            int failed = 0;
            List<Check.Outcome> outcomes = lesson.check(runs::result);
            for (Check.Outcome c : outcomes) {
                o.printf("%s  %s   (%s)%n", c.holds() ? "holds " : "FAILS ", c.check().text(), c.detail());
                if (!c.holds()) failed++;
            }
            o.printf("%d of %d claims hold%n", outcomes.size() - failed, outcomes.size());
            return failed == 0 ? MuonscopeCommand.EXIT_OK : MuonscopeCommand.EXIT_FAILURE;
        }
        if (handout == null) {
            for (Lesson.Scene s : scenes) o.printf("%d. %s%n   %s%n", s.number(), s.title(), s.caption(runs::result));
        }
        return MuonscopeCommand.EXIT_OK;
    }
}
