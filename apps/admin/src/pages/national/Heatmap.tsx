import { HeatmapChart } from "echarts/charts";
import { DataZoomComponent, GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { Heatmap as HeatmapData } from "./types";

// Only what the heatmap draws, so the bundle carries no other chart types. Canvas, not SVG: at national
// scale (2,000 trusts × 46 functionalities) one bitmap is cheap where 92,000 rectangles are not.
echarts.use([
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** Light to dark NHS blues for L0..L5. */
export const LEVEL_COLOURS = ["#f0f4f5", "#d9e7f4", "#a8c8e8", "#6fa3d9", "#1d70b8", "#003087"];
/** "Does not apply": white with grey diagonal hatching, unlike any level. */
const NOT_APPLICABLE_STROKE = "#768692";

/** Rows shown at once; the slider on the right scrolls through the rest. */
export const HEATMAP_VISIBLE_ROWS = 40;
export const HEATMAP_GRID = { left: 300, right: 40, top: 230, bottom: 10 };
const ROW_HEIGHT = 16;

function hatch(): HTMLCanvasElement {
  const c = document.createElement("canvas");
  c.width = 8;
  c.height = 8;
  const g = c.getContext("2d");
  if (g) {
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = NOT_APPLICABLE_STROKE;
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(0, 8);
    g.lineTo(8, 0);
    g.stroke();
  }
  return c;
}

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Trusts (rows, by name with the ODS code) × functionalities (columns, code and name) coloured by level,
 * "does not apply" hatched. Clicking a cell or a trust's name opens that trust's record. Hidden from
 * assistive technology: the page offers the same matrix as a table, and the same links.
 */
export function Heatmap({ data, onOpen }: { data: HeatmapData; onOpen: (odsCode: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = data.functionalities.length;
  const rows = Math.min(HEATMAP_VISIBLE_ROWS, data.trusts.length);
  const height = HEATMAP_GRID.top + HEATMAP_GRID.bottom + rows * ROW_HEIGHT;

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "canvas" });
    const cells: [number, number, number][] = [];
    const notApplicable: [number, number, number][] = [];
    data.trusts.forEach((_, i) => {
      for (let j = 0; j < width; j++) {
        const level = data.levels[i * width + j] ?? -1;
        (level >= 0 ? cells : notApplicable).push([j, i, level]);
      }
    });
    const trustLabel = (i: number) => {
      const t = data.trusts[i];
      return t ? `${short(t.name, 38)} (${t.odsCode})` : "";
    };
    const scrolling = data.trusts.length > rows;
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: (p: { data: [number, number, number] }) => {
          const [j, i, level] = p.data;
          const f = data.functionalities[j];
          const t = data.trusts[i];
          const what = level >= 0 ? `L${level}` : "does not apply";
          return `${t?.name ?? ""} (${t?.odsCode ?? ""})<br/>${f?.code ?? ""} ${f?.name ?? ""}: ${what}`;
        },
      },
      grid: { ...HEATMAP_GRID, right: scrolling ? HEATMAP_GRID.right : 10 },
      xAxis: {
        type: "category",
        position: "top",
        data: data.functionalities.map((f) => `${f.code} ${short(f.name, 30)}`),
        axisLabel: { interval: 0, rotate: 90, fontSize: 10 },
        splitArea: { show: false },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: data.trusts.map((_, i) => trustLabel(i)),
        axisLabel: { interval: 0, fontSize: 11 },
        triggerEvent: true,
      },
      dataZoom: scrolling
        ? [
            {
              type: "slider",
              yAxisIndex: 0,
              startValue: 0,
              endValue: rows - 1,
              zoomLock: true,
              width: 16,
              right: 8,
              showDetail: false,
              brushSelect: false,
            },
            {
              type: "inside",
              yAxisIndex: 0,
              zoomLock: true,
              zoomOnMouseWheel: false,
              moveOnMouseWheel: true,
            },
          ]
        : [],
      visualMap: {
        type: "piecewise",
        show: false,
        seriesIndex: 0,
        pieces: LEVEL_COLOURS.map((color, level) => ({ value: level, color })),
      },
      series: [
        { type: "heatmap", data: cells, itemStyle: { borderColor: "#fff", borderWidth: 1 } },
        {
          type: "heatmap",
          data: notApplicable,
          itemStyle: { color: { image: hatch(), repeat: "repeat" }, borderColor: "#fff", borderWidth: 1 },
        },
      ],
    });
    chart.on(
      "click",
      (p: { componentType?: string; data?: unknown; value?: unknown; dataIndex?: number }) => {
        if (p.componentType === "series" && Array.isArray(p.data)) {
          const t = data.trusts[p.data[1] as number];
          if (t) onOpen(t.odsCode);
        } else if (p.componentType === "yAxis" && typeof p.value === "string") {
          const code = /\(([A-Z0-9]{3,5})\)$/.exec(p.value)?.[1];
          if (code) onOpen(code);
        }
      },
    );
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [data, width, rows, onOpen]);

  return (
    <figure className="realise-chart realise-heatmap" aria-hidden="true">
      <div ref={ref} data-rows={rows} style={{ height, width: "100%", cursor: "pointer" }} />
    </figure>
  );
}
