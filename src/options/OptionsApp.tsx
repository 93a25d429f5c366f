export function OptionsApp() {
  return (
    <main>
      <h1>Tifa 提法</h1>
      <p>Glossary editor</p>
    </main>
  );
}
