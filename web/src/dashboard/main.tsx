import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import "./styles.css";

const container = document.getElementById("dashboard");
if (container === null) throw new Error("The dashboard page has no #dashboard element");
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
