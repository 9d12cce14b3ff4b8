import { Route, Routes } from "react-router";
import { NotFound } from "../NotFound";
import { BenefitDetail } from "./BenefitDetail";
import { BenefitEdit, BenefitNew } from "./BenefitForm";
import { BenefitsImport } from "./BenefitsImport";
import { BenefitsRegister } from "./BenefitsRegister";
import { EditorsOnly } from "./EditorsOnly";

/** The benefits register and its pages, loaded on first visit (the chart library stays out of the first download). */
export default function BenefitsRoutes() {
  return (
    <Routes>
      <Route index element={<BenefitsRegister />} />
      <Route
        path="new"
        element={
          <EditorsOnly>
            <BenefitNew />
          </EditorsOnly>
        }
      />
      <Route
        path="import"
        element={
          <EditorsOnly>
            <BenefitsImport />
          </EditorsOnly>
        }
      />
      <Route path=":id" element={<BenefitDetail />} />
      <Route
        path=":id/edit"
        element={
          <EditorsOnly>
            <BenefitEdit />
          </EditorsOnly>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
