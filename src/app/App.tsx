import { runLesson, useUi } from '../store';
import {
  Captions,
  DropTarget,
  KeysDialog,
  LessonPanel,
  LoadErrors,
  LoadScenarioButton,
  Notices,
  Panel,
  PlaybackBar,
  Popover,
  PresentationButton,
  PresenterButton,
  ScenarioPicker,
  leavePresentation,
  toggleFullscreen,
  useLessonKeys,
} from '../ui';
import { ConsolePanel } from '../ui/console';
import { AboutSimulation } from '../ui/about';
import { InspectorPanel } from '../ui/inspectors';
import { OutlinePanel } from '../ui/outline';
import { Settings, useSystemReducedMotion } from '../ui/settings';
import { HarborHost, harbor } from './HarborHost';
import './shell.css';

/** Slide-software keys for the whole window (a constant, so the listener is added once). */
const keys = {
  run: runLesson,
  presenting: () => useUi.getState().presenting,
  fullscreen: toggleFullscreen,
  leave: leavePresentation,
  help: () => useUi.getState().setKeysOpen(true),
  blocked: () => useUi.getState().keysOpen,
};

/**
 * The whole app: the harbor canvas fills the window; over it, the header (title, scenario, file,
 * presenter and presentation buttons), the lesson on the left, the inspectors and console on the
 * right, playback at the bottom. Presentation mode hides the panels (they keep their state) and
 * shows large captions instead.
 */
export function App() {
  const presenting = useUi((s) => s.presenting);
  useLessonKeys(keys);
  useSystemReducedMotion();
  return (
    <>
      <HarborHost />
      <div className="shell" data-presenting={presenting}>
        <header className="topbar" hidden={presenting}>
          <div className="brand">
            <h1>Shipshape</h1>
            <p className="tagline">Kubernetes with ships and docks</p>
          </div>
          <ScenarioPicker />
          <LoadScenarioButton />
          <span className="topbar-spacer" />
          <Popover label="Display" className="region-settings">
            <Settings />
            <AboutSimulation />
          </Popover>
          <PresenterButton />
          <PresentationButton />
        </header>
        <div className="stage" hidden={presenting}>
          <div className="column column-left">
            <LessonPanel />
            <OutlinePanel onFocusTarget={(target) => harbor.current?.focus(target)} />
          </div>
          <Tools />
        </div>
        <div className="bottombar" hidden={presenting}>
          <PlaybackBar />
        </div>
        {presenting && <Captions />}
        <Notices />
        <LoadErrors />
      </div>
      <DropTarget />
      <KeysDialog />
    </>
  );
}

/** Region "tools": the inspectors and the console, one above the other, folding away together. */
function Tools() {
  const collapsed = useUi((s) => s.collapsed.tools);
  // Inspectors read the ledger and the event log on every refresh: not while nobody can see them.
  // Their state (tab, chosen key, filter) lives in a store, so it survives folding.
  const visible = useUi((s) => !s.collapsed.tools && !s.presenting);
  return (
    <div className="column column-right" data-collapsed={collapsed}>
      <Panel
        id="tools"
        title="Console & inspectors"
        label="console and inspectors"
        className="panel-tools"
      >
        <div className="tool tool-inspectors">{visible && <InspectorPanel />}</div>
        <div className="tool tool-console">
          <ConsolePanel />
        </div>
      </Panel>
    </div>
  );
}
