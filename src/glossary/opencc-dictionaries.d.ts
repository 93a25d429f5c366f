// opencc-js ships its dictionaries as modules whose default export is the dictionary as one string
// ("a alpha|b beta"), reached through its package's "./*" export, which carries no types.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
