import { Application, Container, Graphics, Text } from 'pixi.js';
import type { ShipSpec } from '../engine';

/** A mounted harbor canvas; `destroy` removes it and frees its GPU resources. */
export type HarborView = { canvas: HTMLCanvasElement; destroy: () => void };

const palette = {
  sea: 0x0b3d5c,
  wave: 0x14557d,
  hull: 0x2b2d42,
  deck: 0xf4f1e8,
  bridge: 0xe4572e,
  label: 0xffffff,
};

function drawShip(ship: ShipSpec): Container {
  const group = new Container({ label: ship.name });
  const big = ship.role === 'control';
  const width = big ? 320 : 220;
  const hull = new Graphics()
    .poly([0, 0, width, 0, width - 30, 60, 30, 60])
    .fill(palette.hull)
    .rect(10, -14, width - 20, 14)
    .fill(palette.deck);
  group.addChild(hull);
  if (big) {
    group.addChild(new Graphics().rect(width / 2 - 30, -70, 60, 56).fill(palette.bridge));
  }
  const label = new Text({
    text: big ? 'Control ship (control plane)' : `${ship.name} (worker node)`,
    style: { fill: palette.label, fontSize: 16, fontFamily: 'system-ui, sans-serif' },
  });
  label.position.set(16, 70);
  group.addChild(label);
  return group;
}

/**
 * Mounts a WebGL Pixi canvas in `host` drawing the sea and the given fleet.
 *
 * @example
 * const view = await mountHarbor(document.body, defaultFleet());
 * view.destroy();
 */
export async function mountHarbor(host: HTMLElement, fleet: ShipSpec[]): Promise<HarborView> {
  const app = new Application();
  await app.init({ resizeTo: host, preference: 'webgl', antialias: true, background: palette.sea });
  host.appendChild(app.canvas);
  const waves = new Graphics();
  const scene = new Container();
  app.stage.addChild(waves, scene);
  const ships = fleet.map(drawShip);
  scene.addChild(...ships);

  const layout = () => {
    const { width, height } = app.screen;
    waves.clear();
    for (let y = 40; y < height; y += 48) {
      waves
        .moveTo(0, y)
        .lineTo(width, y + 6)
        .stroke({ color: palette.wave, width: 2 });
    }
    ships.forEach((ship, index) => {
      if (index === 0) ship.position.set(width / 2 - 160, height * 0.3);
      else ship.position.set(((index - 0.5) * width) / fleet.length, height * 0.7);
    });
  };
  layout();
  app.renderer.on('resize', layout);
  return {
    canvas: app.canvas,
    destroy: () => app.destroy({ removeView: true }, { children: true }),
  };
}
