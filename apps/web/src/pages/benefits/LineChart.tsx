import { NHS_COLOURS } from "@realise/ui";
import { LineChart as ELine } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import EChartsReactCore from "echarts-for-react/esm/core";

echarts.use([
  ELine,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

export interface LinePoint {
  date: string;
  value: number;
}

/**
 * Actual against trajectory against target, on a time axis. Decorative for assistive technology: the table
 * beside it holds the same numbers.
 */
export function LineChart({
  title,
  actual,
  trajectory,
  target,
  unit,
  height = 320,
}: {
  title: string;
  actual: LinePoint[];
  trajectory: LinePoint[];
  target: number;
  unit: string;
  height?: number;
}) {
  const option = {
    color: NHS_COLOURS,
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 60, right: 90, top: 40, bottom: 40 },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: unit, nameTextStyle: { align: "left" }, scale: true },
    series: [
      {
        type: "line",
        name: "Actual",
        data: actual.map((p) => [p.date, p.value]),
        symbolSize: 8,
      },
      {
        type: "line",
        name: "Trajectory",
        data: trajectory.map((p) => [p.date, p.value]),
        lineStyle: { type: "dashed" },
        markLine: {
          symbol: "none",
          label: { formatter: "Target" },
          lineStyle: { color: NHS_COLOURS[3] },
          data: [{ yAxis: target }],
        },
      },
    ],
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
