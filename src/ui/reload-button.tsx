/** "Reload", for a banner whose way on is a reload of the page. */
export function ReloadButton() {
  return (
    <button type="button" className="link-button" onClick={() => window.location.reload()}>
      Reload
    </button>
  );
}
