package io.habitus.eval;

import io.habitus.eval.ArchetypeResult.AttackOutcome;
import io.habitus.sim.Scenario.Category;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** ROC curves as PNG (JFreeChart): per archetype over all its attacks, and the in-allowlist attacks of all archetypes. */
final class Charts {

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
        NumberAxis x = new NumberAxis("false-positive rate (held-out normal events)");
        NumberAxis y = new NumberAxis("detection rate (attacks)");
        x.setRange(0, 1);
        y.setRange(0, 1.02);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] colours = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
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
            series.add(point[0], point[1]);
        }
        return series;
    }
}
