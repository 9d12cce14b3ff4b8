export { BarChart, type BarSeries, NHS_COLOURS } from "./BarChart";
