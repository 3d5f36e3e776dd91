// The observed history behind a prediction is not stored by the service, so the Train / predict page keeps the
// last periods of the historic data it submitted, per prediction artifact, for this tab (sessionStorage).
import { trimHistory } from './forecast.js';

const KEY = 'chapkit.console.history.';

export function keepHistory(predictionId, history) {
  try {
    sessionStorage.setItem(KEY + predictionId, JSON.stringify([...trimHistory(history)]));
  } catch {
    // storage full or disabled: the plot then shows the forecast without history
  }
}

export function keptHistory(predictionId) {
  try {
    return new Map(JSON.parse(sessionStorage.getItem(KEY + predictionId)) ?? []);
  } catch {
    return new Map();
  }
}
