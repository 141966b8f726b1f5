/** Small inline icons (no network, no icon font): decorative, the button carries the name. */
type IconName =
  | 'play'
  | 'pause'
  | 'restart'
  | 'back'
  | 'forward'
  | 'skip'
  | 'present'
  | 'presenter'
  | 'file'
  | 'close'
  | 'keys'
  | 'fullscreen';

const paths: Record<IconName, string> = {
  play: 'M8 5v14l11-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  restart: 'M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z',
  back: 'M6 6h2v12H6zM9.5 12 18 18V6z',
  forward: 'M16 6h2v12h-2zM6 18l8.5-6L6 6z',
  skip: 'M4 18l8.5-6L4 6zM13 18l8.5-6L13 6z',
  present: 'M3 4h18v12H3zM11 16h2v3h4v2H7v-2h4z',
  presenter: 'M2 5h12v10H2zM16 8h6v10H10v-1h6z',
  file: 'M6 2h8l5 5v15H6zM13 3v5h5M12 11v6M9 14l3-3 3 3',
  close: 'M6 6l12 12M18 6 6 18',
  keys: 'M2 6h20v12H2zM5 9h2v2H5zM9 9h2v2H9zM13 9h2v2h-2zM17 9h2v2h-2zM7 13h10v2H7z',
  fullscreen: 'M3 3h6v2H5v4H3zM15 3h6v6h-2V5h-4zM3 15h2v4h4v2H3zM19 15h2v6h-6v-2h4z',
};

const stroked = new Set<IconName>(['file', 'close']);

export function Icon({ name }: { name: IconName }) {
  const stroke = stroked.has(name);
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill={stroke ? 'none' : 'currentColor'}
        stroke={stroke ? 'currentColor' : 'none'}
        strokeWidth={stroke ? 2 : 0}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
