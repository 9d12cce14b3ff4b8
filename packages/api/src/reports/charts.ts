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

/** Blues from light to dark: one per tier, so a higher tier reads darker. */
const TIER_SHADES = ["#E8EDEE", "#AEB7BD", "#41B6E6", "#0072CE", "#005EB8", "#003087"];

/** Each group as one horizontal bar split by tier, as shares of its trusts: a distribution, not a rank. */
export function tierShareChart(input: {
  groups: { label: string; tierCounts: number[]; trusts: number }[];
  tiers: number;
  width: number;
  height: number;
}): string {
  return chartSvg(
    {
      grid: { left: 160, right: 20, top: 30, bottom: 30 },
      legend: { top: 0, textStyle: { fontFamily: FONT, fontSize: 9 } },
      xAxis: {
        type: "value",
        max: 100,
        axisLabel: { fontFamily: FONT, fontSize: 9, formatter: (v: number) => `${v}%` },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: input.groups.map((g) => g.label),
        axisLabel: { fontFamily: FONT, fontSize: 9 },
      },
      series: Array.from({ length: input.tiers + 1 }, (_, n) => ({
        name: `Tier ${n}`,
        type: "bar" as const,
        stack: "share",
        itemStyle: { color: TIER_SHADES[n] ?? COLOURS.blue },
        data: input.groups.map((g) =>
          g.trusts === 0 ? 0 : Math.round(((g.tierCounts[n] ?? 0) / g.trusts) * 1000) / 10,
        ),
      })),
    },
    input.width,
    input.height,
  );
}
