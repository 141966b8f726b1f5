import { Icon } from '../layout';
import { enterPresentation } from './fullscreen';

/** "Presentation mode": full screen, large captions, panels hidden. */
export function PresentationButton() {
  return (
    <button
      type="button"
      className="button button-primary"
      onClick={enterPresentation}
      title="Full screen with large captions (Esc leaves)"
    >
      <Icon name="present" />
      Presentation mode
    </button>
  );
}
