import { useId } from 'react';
import { scenarios } from '../../scenarios';
import { scenarioByKey, scenarioKey, useSession, useUi } from '../../store';

/** Chooses the scenario: the built-in lessons in teaching order, then files loaded this session. */
export function ScenarioPicker() {
  const lesson = useSession((s) => s.lesson);
  const loaded = useUi((s) => s.loaded);
  const id = useId();
  const value = lesson ? scenarioKey(lesson.scenario) : '';
  const choose = (key: string) => {
    const scenario = scenarioByKey(key);
    if (scenario) useSession.getState().loadScenario(scenario);
  };
  return (
    <div className="picker">
      <label htmlFor={id} className="picker-label">
        Scenario
      </label>
      <select id={id} value={value} onChange={(e) => choose(e.target.value)}>
        {!lesson && <option value="">Free play</option>}
        <optgroup label="Lessons">
          {scenarios.map((s, i) => (
            <option key={s.id} value={s.id}>
              {i + 1}. {s.title}
            </option>
          ))}
        </optgroup>
        {loaded.length > 0 && (
          <optgroup label="Loaded from files">
            {loaded.map((s) => (
              <option key={s.id} value={`file:${s.id}`}>
                {s.title}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}
