/** The React overlay above the canvas: the product's name and what it shows. */
export function Overlay() {
  return (
    <header className="overlay">
      <h1>Shipshape</h1>
      <p>How a Kubernetes cluster works, told with ships and docks.</p>
    </header>
  );
}
