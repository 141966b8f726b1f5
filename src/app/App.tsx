import { Overlay } from '../ui';
import { HarborHost } from './HarborHost';

/** The whole app: the harbor canvas with the React panels over it. */
export function App() {
  return (
    <>
      <HarborHost />
      <Overlay />
    </>
  );
}
