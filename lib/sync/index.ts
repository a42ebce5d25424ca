export { requestSyncRun, type RequestSyncRunInput } from "./request-sync-run";
export { runSyncRun, type RunSyncRunOptions } from "./run-sync-run";
export { tickSyncSchedule, type SyncScheduleTick } from "./schedule-sync-runs";
export { setSyncInterval, type SetSyncIntervalInput } from "./set-sync-interval";
export { syncIntervalChoices, syncIntervalLabel } from "./sync-intervals";
export { startSyncEngine, type SyncEngineOptions } from "./start-sync-engine";
export { listSyncRuns, syncOverview, type SyncOverview } from "./sync-overview";
export { SyncRunError } from "./sync-run-error";
