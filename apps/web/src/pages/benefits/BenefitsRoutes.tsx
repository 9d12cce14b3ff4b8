import { Route, Routes } from "react-router";
import { NotFound } from "../NotFound";
import { BenefitDetail } from "./BenefitDetail";
import { BenefitEdit, BenefitNew } from "./BenefitForm";
import { BenefitsImport } from "./BenefitsImport";
import { BenefitsRegister } from "./BenefitsRegister";

/** The benefits register and its pages, loaded on first visit (the chart library stays out of the first download). */
export default function BenefitsRoutes() {
  return (
    <Routes>
      <Route index element={<BenefitsRegister />} />
      <Route path="new" element={<BenefitNew />} />
      <Route path="import" element={<BenefitsImport />} />
      <Route path=":id" element={<BenefitDetail />} />
      <Route path=":id/edit" element={<BenefitEdit />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
