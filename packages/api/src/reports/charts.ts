import * as echarts from "echarts";
import { COLOURS } from "./document.js";

const FONT = "DejaVu Sans";

/** An ECharts option rendered on the server as an SVG string, for the PDF to draw as vectors. */
export function chartSvg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Bars by category, one series per entry of `series`. */
export function barChart(input: {
  categories: string[];
  series: { name: string; values: number[]; colour: string }[];
  width: number;
  height: number;
  valueLabel?: (value: number) => string;
}): string {
  const label = input.valueLabel ?? ((v: number) => String(v));
  return chartSvg(
    {
      grid: { left: 70, right: 20, top: 30, bottom: 40 },
      legend: { top: 0, textStyle: { fontFamily: FONT, fontSize: 10 } },
      xAxis: { type: "category", data: input.categories, axisLabel: { fontFamily: FONT, fontSize: 10 } },
      yAxis: {
        type: "value",
        axisLabel: { fontFamily: FONT, fontSize: 9, formatter: (v: number) => label(v) },
      },
      series: input.series.map((s) => ({
        name: s.name,
        type: "bar",
        data: s.values,
        itemStyle: { color: s.colour },
        label: {
          show: true,
          position: "top",
          fontFamily: FONT,
          fontSize: 9,
          formatter: (p: { value: unknown }) => label(Number(p.value)),
        },
      })),
    },
    input.width,
    input.height,
  );
}

export const CHART_COLOURS = { primary: COLOURS.blue, secondary: "#768692", accent: "#009639" };
