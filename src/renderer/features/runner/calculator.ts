/** A four-function calculator's state machine (no eval): what the exam's on-screen calculator does. */
export interface CalcState {
  display: string;
  stored: number | null;
  op: Op | null;
  fresh: boolean; // the next digit starts a new number
}
export type Op = '+' | '-' | '×' | '÷';

export const initialCalc: CalcState = { display: '0', stored: null, op: null, fresh: true };

function compute(a: number, b: number, op: Op): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '×':
      return a * b;
    case '÷':
      return b === 0 ? NaN : a / b;
  }
}

function show(n: number): string {
  if (!Number.isFinite(n)) return 'Error';
  const rounded = Number(n.toPrecision(12));
  return String(rounded);
}

export function press(s: CalcState, key: string): CalcState {
  if (/^[0-9]$/.test(key)) {
    if (s.fresh || s.display === '0' || s.display === 'Error') return { ...s, display: key, fresh: false };
    return s.display.length >= 15 ? s : { ...s, display: s.display + key };
  }
  if (key === '.') {
    if (s.fresh || s.display === 'Error') return { ...s, display: '0.', fresh: false };
    return s.display.includes('.') ? s : { ...s, display: s.display + '.' };
  }
  if (key === 'C') return initialCalc;
  if (key === '←') return s.fresh ? s : { ...s, display: s.display.length > 1 ? s.display.slice(0, -1) : '0' };
  if (key === '±') return { ...s, display: show(-Number(s.display)) };
  if (key === '√') return { ...s, display: show(Math.sqrt(Number(s.display))), fresh: true };
  if (key === '%') return { ...s, display: show(Number(s.display) / 100), fresh: true };
  const current = Number(s.display);
  if (key === '+' || key === '-' || key === '×' || key === '÷') {
    const value = s.op && s.stored !== null && !s.fresh ? compute(s.stored, current, s.op) : current;
    return { display: show(value), stored: value, op: key, fresh: true };
  }
  if (key === '=') {
    if (!s.op || s.stored === null) return { ...s, fresh: true };
    return { display: show(compute(s.stored, current, s.op)), stored: null, op: null, fresh: true };
  }
  return s;
}
