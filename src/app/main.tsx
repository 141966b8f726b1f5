import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { session, useUi } from '../store';
import { PresenterView, watchFullscreen } from '../ui';
import { App } from './App';
import { installGlobal } from './global';
import { keepLoadedScenarios } from './loadedScenarios';
import { presenterChannelId, startPresenterBridge } from './presenterBridge';
import { startThemeSync } from './theme';
import { applyUrl, readUrl, startUrlSync } from './urlState';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const presenterWindow = new URLSearchParams(window.location.search).get('view') === 'presenter';
if (!presenterWindow) keepLoadedScenarios();
const parsed = readUrl(window.location.search);

if (parsed.state.view === 'presenter') {
  // The presenter window: the same bundle, no simulation of its own; it follows the audience window.
  startThemeSync();
  createRoot(root).render(
    <StrictMode>
      <PresenterView channel={parsed.state.channel} />
    </StrictMode>,
  );
} else {
  applyUrl(session, parsed);
  startThemeSync();
  installGlobal(session);
  const channel = presenterChannelId();
  useUi.setState({ channel });
  startPresenterBridge(session, channel);
  startUrlSync(session);
  watchFullscreen();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
