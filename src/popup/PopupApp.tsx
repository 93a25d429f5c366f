export function PopupApp() {
  return (
    <main>
      <h1>Tifa 提法</h1>
    </main>
  );
}
