package io.habitus.eval;

import io.habitus.eval.ArchetypeResult.AttackOutcome;
import io.habitus.sim.Scenario.Category;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** ROC curves as PNG (JFreeChart): per archetype over all its attacks, and the in-allowlist attacks of all archetypes. */
final class Charts {

    private static final double FLOOR = 1e-4;

    private Charts() {}

    static Path roc(ArchetypeResult result, Path dir) throws IOException {
        List<AttackOutcome> attacks = result.attacks().values().stream().flatMap(List::stream).toList();
        Path file = dir.resolve("roc-" + result.archetype().name() + ".png");
        draw(result.archetype().name() + ": held-out normal events vs all attacks", result.normal(), attacks, file);
        return file;
    }

    static Path rocInAllowlist(List<ArchetypeResult> results, Path dir) throws IOException {
        List<Judged> normal = results.stream().flatMap(r -> r.normal().stream()).toList();
        Path file = dir.resolve("roc-in-allowlist.png");
        draw("all archetypes: held-out normal events vs in-allowlist attacks", normal,
                Report.outcomes(results, Category.IN_ALLOWLIST), file);
        return file;
    }

    private static void draw(String title, List<Judged> normal, List<AttackOutcome> attacks, Path file) throws IOException {
        XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(series("allowlist", normal, attacks, Judged::allowlistScore, AttackOutcome::allowlistScore));
        curves.addSeries(series("model", normal, attacks, Judged::modelScore, AttackOutcome::modelScore));
        curves.addSeries(series("both", normal, attacks, Judged::combinedScore, AttackOutcome::combinedScore));
        // Logarithmic: what matters happens below a few per cent of false positives.
        LogAxis x = new LogAxis("false-positive rate per held-out normal event (log scale; 0 drawn at " + FLOOR + ")");
        x.setRange(FLOOR, 1);
        x.setSmallestValue(FLOOR);
        x.setTickUnit(new NumberTickUnit(1.0));   // one tick per decade
        x.setNumberFormatOverride(new DecimalFormat("0.####%"));
        NumberAxis y = new NumberAxis("detection rate (attacks)");
        y.setRange(0, 1.02);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] colours = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        // "both" often lies on top of "model" (when the allowlist flags none of the attacks): dashed, it stays visible.
        renderer.setSeriesStroke(2, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 6f}, 0f));
        XYPlot plot = new XYPlot(curves, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 760, 560);
    }

    private static XYSeries series(String name, List<Judged> normal, List<AttackOutcome> attacks,
            ToDoubleFunction<Judged> normalScore, ToDoubleFunction<AttackOutcome> attackScore) {
        double[] n = normal.stream().mapToDouble(normalScore).toArray();
        double[] a = attacks.stream().mapToDouble(attackScore).toArray();
        XYSeries series = new XYSeries(String.format("%s (AUC %.3f)", name, Roc.auc(n, a)), false, true);
        for (double[] point : Roc.curve(n, a)) {
            series.add(Math.max(FLOOR, point[0]), point[1]);
        }
        return series;
    }
}
