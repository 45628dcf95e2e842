// The end-to-end harness in one import.
export { startCodeServer, workbenchUrl } from './code-server.mjs';
export { launchBrowser } from './browser.mjs';
export { startSession } from './session.mjs';
export { openWorkbench, waitForWorkbench, activityBarTab } from './workbench.mjs';
export {
  viewContainer,
  openViewContainer,
  listTreeRows,
  waitForRows,
  waitForRow,
  rowLocator,
  expandRow,
  waitForTreeQuiet,
  readRowTooltip,
} from './tree-view.mjs';
export { openAnkaRegistryView, registriesPane, sideBarTitle } from './anka-view.mjs';
export { runCommand, answerInputBox, pickQuickItem, describeQuickInput } from './quick-input.mjs';
export { readNotifications, waitForNotification } from './notifications.mjs';
export { screenshot } from './screenshot.mjs';
export { runExtensionHostSuite } from './extension-host-suite.mjs';
export { REPO_ROOT, OUTPUT_DIR, LOG_DIR } from './paths.mjs';
export { isWorkbenchNoise } from './page-log.mjs';
