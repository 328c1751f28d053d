/** @jsxImportSource react */
// A React page that re-renders the text Cluster Lens marks, to prove marking never breaks it.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const NEWS = [
  'Valorial opens a call for food start-ups.',
  'Minalogic and Cap Digital sign a partnership.',
  'Hamburg Aviation hosts the cabin conference.',
];

function App() {
  const [step, setStep] = useState(0);
  return (
    <main>
      <h1>Cluster news, item {step + 1}</h1>
      <p id="news">
        <strong>{NEWS[step % NEWS.length]}</strong> Read more in our newsletter.
      </p>
      <button id="next" onClick={() => setStep((s) => s + 1)}>
        Next
      </button>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
