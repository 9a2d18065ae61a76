import type { Logger } from "../shared/logger.js";
import type { AppLoaders, AppServices } from "./app.js";

/** What every resolver sees: services, this request's DataLoaders, and who is asking. */
export interface AppContext {
  services: AppServices;
  loaders: AppLoaders;
  /** The default `asOf`: today in UTC, fixed once per request so one response never straddles midnight. */
  today: string;
  isAdmin: boolean;
  logger: Logger;
}
