package org.muonscope.app;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.muonscope.app.common.Engines;
import org.muonscope.app.common.LabContext;
import org.muonscope.app.simplicitylab.SimplicityLabView;
import org.muonscope.app.theorylab.TheoryLabView;
import org.muonscope.app.theorylab.TheoryLabViewModel;

/**
 * The main window: one tab per lab. To add a lab, add one {@link Lab} line to {@link #LABS}.
 */
public final class MainWindow {
    /** A tab: its id ({@code -Dmuonscope.tab=ID}), its title and how to build its content. */
    public record Lab(String id, String title, Function<LabContext, Node> factory) { }

    public static final List<Lab> LABS = List.of(
            new Lab("theory", "Theory Lab", ctx -> new TheoryLabView(
                    new TheoryLabViewModel(Engines.theory(ctx.tasks()), ctx.ui(), ctx.scheduler()), ctx.tasks())),
            new Lab("simplicity", "Simplicity Lab", SimplicityLabView::create),
            new Lab("cnn", "CNN Lab", org.muonscope.app.cnnlab.CnnLab::create),
            new Lab("lessons", "Lessons", org.muonscope.app.lessons.LessonsView::create)
    );

    private final TabPane tabs = new TabPane();

    public MainWindow(LabContext ctx) {
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("labs");
        for (Lab lab : LABS) {
            Tab t = new Tab(lab.title(), lab.factory().apply(ctx));
            t.setId("tab-" + lab.id());
            t.setClosable(false);
            tabs.getTabs().add(t);
        }
    }

    public TabPane root() {
        return tabs;
    }

    /**
     * Selects the tab of a lab by id.
     *
     * @return false for an id no lab has
     */
    public boolean select(String id) {
        for (int i = 0; i < LABS.size(); i++) {
            if (LABS.get(i).id().equals(id)) {
                tabs.getSelectionModel().select(i);
                return true;
            }
        }
        return false;
    }

    /** The first tab whose content is of the given type, or null. */
    public <T> T lab(Class<T> type) {
        for (Tab t : tabs.getTabs()) if (type.isInstance(t.getContent())) return type.cast(t.getContent());
        return null;
    }
}
