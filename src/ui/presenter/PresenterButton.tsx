import { useUi } from '../../store';
import { Icon } from '../layout';
import { openPresenterWindow } from './openPresenter';

/** "Presenter view": a second window with speaker notes, kept in step with this one. */
export function PresenterButton() {
  const channel = useUi((s) => s.channel);
  if (!channel) return null;
  return (
    <button
      type="button"
      className="button"
      onClick={() => openPresenterWindow(channel)}
      title="Open a second window with speaker notes, the next step and a timer"
    >
      <Icon name="presenter" />
      Presenter view
    </button>
  );
}
