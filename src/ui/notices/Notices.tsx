import { useUi } from '../../store';
import { Icon } from '../layout';
import './notices.css';

/** Messages that stay until dismissed: a link with a bad parameter, a file that was loaded. */
export function Notices() {
  const notices = useUi((s) => s.notices);
  const dismiss = useUi((s) => s.dismiss);
  return (
    <div className="notices" role="status" aria-label="Notices">
      {notices.map((n) => (
        <p key={n.id} className={`notice notice-${n.tone}`}>
          <span className="notice-text">{n.text}</span>
          <button
            type="button"
            className="link-button"
            aria-label="Dismiss notice"
            title="Dismiss"
            onClick={() => dismiss(n.id)}
          >
            <Icon name="close" />
          </button>
        </p>
      ))}
    </div>
  );
}
