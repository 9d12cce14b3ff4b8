import { NHS_COLOURS } from "@realise/ui";
import { LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import EChartsReactCore from "echarts-for-react/esm/core";

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export interface TrendPoint {
  period: string;
  tier: number;
  adopted: number;
}

/**
 * The trust's official tier (left axis) and functionalities adopted (right axis) by period. Decorative for
 * assistive technology: the table beside it holds the same numbers.
 */
export function TrendChart({ title, points, tiers }: { title: string; points: TrendPoint[]; tiers: number }) {
  const option = {
    color: NHS_COLOURS,
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 50, right: 60, top: 40, bottom: 40 },
    xAxis: { type: "category", data: points.map((p) => p.period) },
    yAxis: [
      { type: "value", name: "Tier", min: 0, max: tiers, interval: 1 },
      { type: "value", name: "Adopted", min: 0, minInterval: 1 },
    ],
    series: [
      { type: "line", name: "Official tier", step: "middle", data: points.map((p) => p.tier), symbolSize: 8 },
      {
        type: "line",
        name: "Functionalities at L3 or above",
        yAxisIndex: 1,
        data: points.map((p) => p.adopted),
        lineStyle: { type: "dashed" },
        symbolSize: 8,
      },
    ],
  };
  return (
    <figure className="realise-chart" aria-hidden="true">
      <EChartsReactCore
        echarts={echarts}
        option={option}
        style={{ height: 280 }}
        opts={{ renderer: "svg" }}
        notMerge
      />
    </figure>
  );
}
