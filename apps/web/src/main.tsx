import "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css";
import "@realise/ui/styles.css";
import "./web.css";
import { RealiseProviders } from "@realise/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { router } from "./router";

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <RealiseProviders>
      <RouterProvider router={router} />
    </RealiseProviders>
  </StrictMode>,
);
