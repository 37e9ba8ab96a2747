/** A decompression bomb for lz-string, built bit by bit (compressing millions of characters takes seconds). */
/**
 * An lz-string stream (URI-safe alphabet) that decodes to a run of "a": the literal "a", then `codes` times
 * the code not yet in the dictionary (which means "the last entry + its first character"), so the entries
 * grow by one each time and `codes` codes give 1 + (2 + 3 + … + (codes + 1)) characters.
 */
export function runOfA(codes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const bits: number[] = [];
  const write = (value: number, n: number) => {
    for (let i = 0; i < n; i++) bits.push((value >> i) & 1);
  };
  write(0, 2); // an 8-bit literal
  write(97, 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    write(dictSize, numBits);
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(2, numBits); // end of stream
  while (bits.length % 6 !== 0) bits.push(0);
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let v = 0;
    for (let j = 0; j < 6; j++) v = (v << 1) | bits[i + j]!;
    out += alphabet[v];
  }
  return `${out}A`;
}
