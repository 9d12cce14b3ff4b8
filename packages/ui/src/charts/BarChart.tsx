import { BarChart as EBar } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import EChartsReactCore from "echarts-for-react/esm/core";

echarts.use([EBar, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** NHS palette colours, in series order. */
export const NHS_COLOURS = [
  "#005eb8",
  "#009639",
  "#ffb81c",
  "#d5281b",
  "#330072",
  "#768692",
  "#00a499",
  "#ae2573",
];

export interface BarSeries {
  name: string;
  values: number[];
}

/**
 * A bar chart for counts by category. Charts sit beside a table holding the same numbers, so the
 * chart is decorative for assistive technology (the table is the accessible source).
 */
export function BarChart({
  categories,
  series,
  title,
  stacked = false,
  horizontal = false,
  height = 320,
}: {
  categories: string[];
  series: BarSeries[];
  title: string;
  stacked?: boolean;
  horizontal?: boolean;
  height?: number;
}) {
  const categoryAxis = {
    type: "category" as const,
    data: categories,
    axisLabel: { interval: 0, width: 140, overflow: "truncate" as const },
  };
  const valueAxis = { type: "value" as const, minInterval: 1 };
  const option = {
    color: NHS_COLOURS,
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: "axis" },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: {
      left: horizontal ? 160 : 40,
      right: 20,
      top: series.length > 1 ? 40 : 20,
      bottom: 60,
      containLabel: false,
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      type: "bar",
      name: s.name,
      data: s.values,
      stack: stacked ? "total" : undefined,
    })),
  };
  return (
    <figure className="realise-chart" aria-hidden="true">
      <EChartsReactCore
        echarts={echarts}
        option={option}
        style={{ height }}
        opts={{ renderer: "svg" }}
        notMerge
      />
    </figure>
  );
}
