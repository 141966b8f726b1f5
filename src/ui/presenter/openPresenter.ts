/**
 * Opens (or brings forward) the presenter window for this audience window's channel: the same
 * page with `?view=presenter&channel=…`, so it loads the same bundle, offline.
 */
export function openPresenterWindow(channel: string): Window | null {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  url.searchParams.set('view', 'presenter');
  url.searchParams.set('channel', channel);
  const opened = window.open(
    url.toString(),
    `shipshape-presenter-${channel}`,
    'popup=yes,width=1100,height=760',
  );
  opened?.focus();
  return opened;
}
