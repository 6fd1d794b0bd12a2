package org.muonscope.app.common.figure;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The mouse and keys of a figure host. Wheel: zoom the step (x) axis around the pointer; with Ctrl (or Cmd) the
 * value (y) axis of the panel under it. Drag: a box, zoomed to on release (a flat box zooms x only, a thin one y
 * only). Shift-drag or the middle button: pan. Click: scrub to that step where the lab scrubs; a drag that starts
 * on the cursor line moves the cursor. Double-click or Esc: the whole figure. Keys: + and - zoom x around the
 * middle, arrows pan while zoomed (otherwise they are left to the lab, which steps its animation with them).
 */
final class Gestures {
    /** One wheel notch zooms by this factor (in), or its inverse (out). */
    static final double WHEEL_FACTOR = 0.8;
    /** Arrow keys pan by this share of the visible range. */
    static final double KEY_PAN = 0.1;
    private final FigureHost host;
    private enum Mode { NONE, BOX, PAN, SCRUB }
    private Mode mode = Mode.NONE;
    private double pressX;
    private double pressY;
    private Zoom pressZoom;
    private FigureData.Panel pressPanel;
    /** The cursor before a click scrubbed it: a double-click puts it back (its first click scrubbed). */
    private double beforeScrub = Double.NaN;

    Gestures(FigureHost host) {
        this.host = host;
    }

    void install() {
        host.addEventHandler(MouseEvent.MOUSE_MOVED, e -> host.hover(e.getX(), e.getY()));
        host.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (mode == Mode.NONE) host.hover(Double.NaN, Double.NaN);
        });
        host.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        host.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        host.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        host.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        host.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        host.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private void pressed(MouseEvent e) {
        host.requestFocus();
        FigureData d = host.data();
        FigureData.Panel p = d == null ? null : d.panelAt(e.getX(), e.getY());
        mode = Mode.NONE;
        if (p == null) return;
        host.hover(Double.NaN, Double.NaN); // no readout while dragging
        pressX = e.getX();
        pressY = e.getY();
        pressZoom = host.zoom();
        pressPanel = p;
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown())) {
            mode = Mode.PAN;
        } else if (e.getButton() == MouseButton.PRIMARY) {
            double cx = host.xOf(host.cursor());
            boolean onCursor = host.onScrub() != null && Double.isFinite(host.cursor()) && Math.abs(cx - e.getX()) <= 6;
            mode = onCursor ? Mode.SCRUB : Mode.BOX;
        }
    }

    private void dragged(MouseEvent e) {
        switch (mode) {
            case SCRUB -> host.onScrub().accept(host.stepAt(e.getX()));
            case BOX -> {
                javafx.geometry.Rectangle2D a = pressPanel.area();
                double x = clamp(e.getX(), a.getMinX(), a.getMaxX()), y = clamp(e.getY(), a.getMinY(), a.getMaxY());
                host.setBox(new double[] {Math.min(pressX, x), Math.min(pressY, y), Math.max(pressX, x), Math.max(pressY, y)});
            }
            case PAN -> {
                Zoom z = pressZoom;
                if (pressPanel.x() != null) z = z.withX(pressPanel.x().panned(e.getX() - pressX));
                z = z.withY(pressPanel.index(), pressPanel.y().panned(e.getY() - pressY));
                host.setZoom(z); // an axis that was not zoomed stays whole: a pan of the whole range is none
            }
            default -> { }
        }
    }

    private void released(MouseEvent e) {
        if (mode == Mode.BOX) {
            double[] b = boxOf(e);
            host.setBox(null);
            if (b != null) {
                Zoom z = host.zoom();
                Span x = pressPanel.x() == null ? null : pressPanel.x().between(b[0], b[2]);
                Span y = pressPanel.y().between(b[1], b[3]);
                // a flat box zooms the steps only, a thin one the values only
                if (b[3] - b[1] < 8) y = null;
                if (b[2] - b[0] < 8) x = null;
                if (x != null) z = z.withX(x);
                if (y != null) z = z.withY(pressPanel.index(), y);
                host.setZoom(z);
            }
        }
        if (mode != Mode.NONE) host.hover(e.getX(), e.getY());
        mode = Mode.NONE;
    }

    private double[] boxOf(MouseEvent e) {
        javafx.geometry.Rectangle2D a = pressPanel.area();
        double x = clamp(e.getX(), a.getMinX(), a.getMaxX()), y = clamp(e.getY(), a.getMinY(), a.getMaxY());
        if (Math.abs(x - pressX) < 8 && Math.abs(y - pressY) < 8) return null;
        return new double[] {Math.min(pressX, x), Math.min(pressY, y), Math.max(pressX, x), Math.max(pressY, y)};
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) return;
        if (e.getClickCount() == 2) {
            host.resetZoom();
            if (!Double.isNaN(beforeScrub) && host.onScrub() != null) host.onScrub().accept(beforeScrub);
            beforeScrub = Double.NaN;
        } else if (e.getClickCount() == 1 && e.isStillSincePress() && host.onScrub() != null) {
            double step = host.stepAt(e.getX());
            beforeScrub = host.cursor();
            if (!Double.isNaN(step)) host.onScrub().accept(step);
        }
    }

    private void scrolled(ScrollEvent e) {
        FigureData d = host.data();
        FigureData.Panel p = d == null ? null : d.panelAt(e.getX(), e.getY());
        if (p == null || e.getDeltaY() == 0) return;
        double factor = e.getDeltaY() > 0 ? WHEEL_FACTOR : 1 / WHEEL_FACTOR;
        Zoom z = host.zoom();
        if (e.isControlDown() || e.isShortcutDown() || p.x() == null) z = z.withY(p.index(), p.y().zoomed(e.getY(), factor));
        else z = z.withX(p.x().zoomed(e.getX(), factor));
        host.setZoom(z);
        e.consume();
    }

    private void key(KeyEvent e) {
        FigureData d = host.data();
        if (d == null || d.panels().isEmpty()) return;
        FigureData.Panel p = d.panels().get(0);
        Zoom z = host.zoom();
        boolean zoomed = !z.isWhole();
        double midX = p.area().getMinX() + p.area().getWidth() / 2;
        switch (e.getCode()) {
            case ESCAPE -> {
                if (!zoomed) return;
                host.resetZoom();
            }
            case PLUS, EQUALS, ADD -> {
                if (p.x() == null) return;
                host.setZoom(z.withX(p.x().zoomed(midX, WHEEL_FACTOR)));
            }
            case MINUS, SUBTRACT -> {
                if (p.x() == null || z.x() == null) return;
                host.setZoom(z.withX(p.x().zoomed(midX, 1 / WHEEL_FACTOR)));
            }
            case LEFT, RIGHT -> {
                if (z.x() == null || p.x() == null) return;
                double dx = (e.getCode() == javafx.scene.input.KeyCode.LEFT ? 1 : -1) * KEY_PAN * p.area().getWidth();
                host.setZoom(z.withX(p.x().panned(dx)));
            }
            case UP, DOWN -> {
                if (!z.y().containsKey(p.index())) return;
                double dy = (e.getCode() == javafx.scene.input.KeyCode.UP ? 1 : -1) * KEY_PAN * p.area().getHeight();
                host.setZoom(z.withY(p.index(), p.y().panned(dy)));
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
