import { HeatmapChart } from "echarts/charts";
import { AriaComponent, GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { Heatmap as HeatmapData } from "./types";

// Only what the heatmap draws, so the bundle carries no other chart types.
echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, AriaComponent, SVGRenderer]);

/** Light to dark NHS blues for L0..L5; grey for "does not apply". */
const LEVEL_COLOURS = ["#f0f4f5", "#d9e7f4", "#a8c8e8", "#6fa3d9", "#1d70b8", "#003087"];

/**
 * Trusts (rows) × functionalities (columns) coloured by adoption level. Decorative for assistive technology:
 * the page offers the same matrix as a table.
 */
export function Heatmap({ data }: { data: HeatmapData }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = data.functionalities.length;
  const height = Math.max(240, data.trusts.length * 14 + 120);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
    const cells: [number, number, number][] = [];
    data.trusts.forEach((_, i) => {
      for (let j = 0; j < width; j++) {
        const level = data.levels[i * width + j] ?? -1;
        if (level >= 0) cells.push([j, i, level]);
      }
    });
    chart.setOption({
      aria: { enabled: true, label: { description: "Adoption level by trust and functionality" } },
      tooltip: {
        formatter: (p: { data: [number, number, number] }) => {
          const [j, i, level] = p.data;
          return `${data.trusts[i]?.name ?? ""}<br/>${data.functionalities[j]?.name ?? ""}: L${level}`;
        },
      },
      grid: { left: 70, right: 20, top: 70, bottom: 20 },
      xAxis: {
        type: "category",
        position: "top",
        data: data.functionalities.map((f) => f.code),
        axisLabel: { interval: 0, rotate: 90, fontSize: 10 },
        splitArea: { show: false },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: data.trusts.map((t) => t.odsCode),
        axisLabel: { interval: 0, fontSize: 10 },
      },
      visualMap: {
        type: "piecewise",
        show: false,
        pieces: LEVEL_COLOURS.map((color, level) => ({ value: level, color })),
      },
      series: [{ type: "heatmap", data: cells, itemStyle: { borderColor: "#fff", borderWidth: 1 } }],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [data, width]);

  return (
    <figure className="realise-chart" aria-hidden="true">
      <div ref={ref} style={{ height, width: "100%" }} />
    </figure>
  );
}

export { LEVEL_COLOURS };
