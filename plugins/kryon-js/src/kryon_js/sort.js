// Array.prototype.sort and toSorted with a comparison function, in V8's order.
//
// Any stable sort gives a consistent comparison function's result, but a program
// sees more than the result when the function is not consistent (`(a, b) => a > b`,
// `() => -1`, a random one) or when it prints its calls: those follow the algorithm.
// V8 sorts with TimSort (its array-sort.tq, a port of CPython's listsort): the
// values without holes and undefineds are copied into a work list, sorted there
// (runs found, short ones extended by binary insertion, merged with galloping), and
// written back, the undefineds and then the holes last.  It is written here step for
// step, so a comparison function is called with the same pairs in the same order.
// Without a comparison function (strings compared: consistent) and for anything but
// a genuine array, QuickJS's own sort runs.
//
// The prelude evaluates this factory once per VM (arrays.js takes timSort).
(function () {
"use strict";
const MIN_GALLOP = 7;

// The sort of one work list `list` by `compare`, in place.
function timSort(list, compare) {
  const length = list.length;
  if (length < 2) return;
  let minGallop = MIN_GALLOP;
  const runBase = [], runLength = [];

  function order(x, y) {
    const v = +compare(x, y);
    return v !== v ? 0 : v;  // NaN counts as equal
  }
  function reverseRange(from, to) {
    for (let low = from, high = to - 1; low < high; low++, high--) {
      const t = list[low];
      list[low] = list[high];
      list[high] = t;
    }
  }
  // The run starting at `low` (descending ones strictly, then reversed): its length.
  function countAndMakeRun(low, high) {
    if (low + 1 === high) return 1;
    let runLengthNow = 2, previous = list[low + 1];
    const descending = order(previous, list[low]) < 0;
    for (let i = low + 2; i < high; i++) {
      const current = list[i], o = order(current, previous);
      if (descending ? o >= 0 : o < 0) break;
      previous = current;
      runLengthNow++;
    }
    if (descending) reverseRange(low, low + runLengthNow);
    return runLengthNow;
  }
  // [low, start) is sorted: insert each of [start, high) by binary search.
  function binaryInsertionSort(low, startAt, high) {
    for (let start = low === startAt ? startAt + 1 : startAt; start < high; start++) {
      let left = low, right = start;
      const pivot = list[start];
      while (left < right) {
        const middle = left + ((right - left) >> 1);
        if (order(pivot, list[middle]) < 0) right = middle;
        else left = middle + 1;
      }
      for (let p = start; p > left; p--) list[p] = list[p - 1];
      list[left] = pivot;
    }
  }
  // Where `key` goes in the sorted a[base, base + n), left of any equal element
  // (an offset from base; hint: where to start looking).
  function gallopLeft(a, key, base, n, hint) {
    let lastOffset = 0, offset = 1;
    if (order(a[base + hint], key) < 0) {
      const maxOffset = n - hint;
      while (offset < maxOffset && order(a[base + hint + offset], key) < 0) {
        lastOffset = offset;
        offset = (offset << 1) + 1;
      }
      if (offset > maxOffset) offset = maxOffset;
      lastOffset += hint;
      offset += hint;
    } else {
      const maxOffset = hint + 1;
      while (offset < maxOffset && order(a[base + hint - offset], key) >= 0) {
        lastOffset = offset;
        offset = (offset << 1) + 1;
      }
      if (offset > maxOffset) offset = maxOffset;
      const t = lastOffset;
      lastOffset = hint - offset;
      offset = hint - t;
    }
    lastOffset++;
    while (lastOffset < offset) {
      const m = lastOffset + ((offset - lastOffset) >> 1);
      if (order(a[base + m], key) < 0) lastOffset = m + 1;
      else offset = m;
    }
    return offset;
  }
  // Where `key` goes in the sorted a[base, base + n), right of any equal element.
  function gallopRight(a, key, base, n, hint) {
    let lastOffset = 0, offset = 1;
    if (order(key, a[base + hint]) < 0) {
      const maxOffset = hint + 1;
      while (offset < maxOffset && order(key, a[base + hint - offset]) < 0) {
        lastOffset = offset;
        offset = (offset << 1) + 1;
      }
      if (offset > maxOffset) offset = maxOffset;
      const t = lastOffset;
      lastOffset = hint - offset;
      offset = hint - t;
    } else {
      const maxOffset = n - hint;
      while (offset < maxOffset && order(key, a[base + hint + offset]) >= 0) {
        lastOffset = offset;
        offset = (offset << 1) + 1;
      }
      if (offset > maxOffset) offset = maxOffset;
      lastOffset += hint;
      offset += hint;
    }
    lastOffset++;
    while (lastOffset < offset) {
      const m = lastOffset + ((offset - lastOffset) >> 1);
      if (order(key, a[base + m]) < 0) offset = m;
      else lastOffset = m + 1;
    }
    return offset;
  }
  function copy(from, fromAt, to, toAt, n) {
    if (from === to && fromAt < toAt) {
      for (let i = n - 1; i >= 0; i--) to[toAt + i] = from[fromAt + i];
    } else {
      for (let i = 0; i < n; i++) to[toAt + i] = from[fromAt + i];
    }
  }
  // Merges the runs [baseA, +lengthA) and [baseB, +lengthB), lengthA <= lengthB,
  // from the left, run A in a temporary list.
  function mergeLow(baseA, lengthA, baseB, lengthB) {
    const temp = list.slice(baseA, baseA + lengthA);
    let dest = baseA, cursorTemp = 0, cursorB = baseB;
    list[dest++] = list[cursorB++];
    let done = false, copyB = false;
    if (--lengthB === 0) done = true;
    else if (lengthA === 1) copyB = true;
    while (!done && !copyB) {
      let winsA = 0, winsB = 0;
      for (;;) {  // one at a time until a run wins often
        if (order(list[cursorB], temp[cursorTemp]) < 0) {
          list[dest++] = list[cursorB++];
          winsB++; winsA = 0;
          if (--lengthB === 0) { done = true; break; }
          if (winsB >= minGallop) break;
        } else {
          list[dest++] = temp[cursorTemp++];
          winsA++; winsB = 0;
          if (--lengthA === 1) { copyB = true; break; }
          if (winsA >= minGallop) break;
        }
      }
      if (done || copyB) break;
      minGallop++;
      do {  // galloping
        minGallop -= minGallop > 1 ? 1 : 0;
        winsA = gallopRight(temp, list[cursorB], cursorTemp, lengthA, 0);
        if (winsA > 0) {
          copy(temp, cursorTemp, list, dest, winsA);
          dest += winsA; cursorTemp += winsA; lengthA -= winsA;
          if (lengthA === 1) { copyB = true; break; }
          if (lengthA === 0) { done = true; break; }
        }
        list[dest++] = list[cursorB++];
        if (--lengthB === 0) { done = true; break; }
        winsB = gallopLeft(list, temp[cursorTemp], cursorB, lengthB, 0);
        if (winsB > 0) {
          copy(list, cursorB, list, dest, winsB);
          dest += winsB; cursorB += winsB; lengthB -= winsB;
          if (lengthB === 0) { done = true; break; }
        }
        list[dest++] = temp[cursorTemp++];
        if (--lengthA === 1) { copyB = true; break; }
      } while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP);
      if (done || copyB) break;
      minGallop++;
    }
    if (copyB) {  // the last of run A goes after what is left of run B
      copy(list, cursorB, list, dest, lengthB);
      list[dest + lengthB] = temp[cursorTemp];
    } else if (lengthA > 0) {
      copy(temp, cursorTemp, list, dest, lengthA);
    }
  }
  // The same from the right, lengthA > lengthB, run B in a temporary list.
  function mergeHigh(baseA, lengthA, baseB, lengthB) {
    const temp = list.slice(baseB, baseB + lengthB);
    let dest = baseB + lengthB - 1, cursorTemp = lengthB - 1, cursorA = baseA + lengthA - 1;
    list[dest--] = list[cursorA--];
    let done = false, copyA = false;
    if (--lengthA === 0) done = true;
    else if (lengthB === 1) copyA = true;
    while (!done && !copyA) {
      let winsA = 0, winsB = 0;
      for (;;) {
        if (order(temp[cursorTemp], list[cursorA]) < 0) {
          list[dest--] = list[cursorA--];
          winsA++; winsB = 0;
          if (--lengthA === 0) { done = true; break; }
          if (winsA >= minGallop) break;
        } else {
          list[dest--] = temp[cursorTemp--];
          winsB++; winsA = 0;
          if (--lengthB === 1) { copyA = true; break; }
          if (winsB >= minGallop) break;
        }
      }
      if (done || copyA) break;
      minGallop++;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        winsA = lengthA - gallopRight(list, temp[cursorTemp], baseA, lengthA, lengthA - 1);
        if (winsA > 0) {
          dest -= winsA; cursorA -= winsA;
          copy(list, cursorA + 1, list, dest + 1, winsA);
          lengthA -= winsA;
          if (lengthA === 0) { done = true; break; }
        }
        list[dest--] = temp[cursorTemp--];
        if (--lengthB === 1) { copyA = true; break; }
        winsB = lengthB - gallopLeft(temp, list[cursorA], 0, lengthB, lengthB - 1);
        if (winsB > 0) {
          dest -= winsB; cursorTemp -= winsB;
          copy(temp, cursorTemp + 1, list, dest + 1, winsB);
          lengthB -= winsB;
          if (lengthB === 1) { copyA = true; break; }
          if (lengthB === 0) { done = true; break; }
        }
        list[dest--] = list[cursorA--];
        if (--lengthA === 0) { done = true; break; }
      } while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP);
      if (done || copyA) break;
      minGallop++;
    }
    if (copyA) {  // the first of run B goes before what is left of run A
      dest -= lengthA; cursorA -= lengthA;
      copy(list, cursorA + 1, list, dest + 1, lengthA);
      list[dest] = temp[cursorTemp];
    } else if (lengthB > 0) {
      copy(temp, 0, list, dest - (lengthB - 1), lengthB);
    }
  }
  function mergeAt(i) {
    let baseA = runBase[i], lengthA = runLength[i];
    const baseB = runBase[i + 1];
    let lengthB = runLength[i + 1];
    runLength[i] = lengthA + lengthB;
    if (i === runBase.length - 3) {
      runBase[i + 1] = runBase[i + 2];
      runLength[i + 1] = runLength[i + 2];
    }
    runBase.length--;
    runLength.length--;
    const k = gallopRight(list, list[baseB], baseA, lengthA, 0);
    baseA += k;
    lengthA -= k;
    if (lengthA === 0) return;
    lengthB = gallopLeft(list, list[baseA + lengthA - 1], baseB, lengthB, lengthB - 1);
    if (lengthB <= 0) return;
    if (lengthA <= lengthB) mergeLow(baseA, lengthA, baseB, lengthB);
    else mergeHigh(baseA, lengthA, baseB, lengthB);
  }
  function established(n) {
    return n < 2 || runLength[n - 2] > runLength[n - 1] + runLength[n];
  }
  function mergeCollapse() {
    while (runBase.length > 1) {
      let n = runBase.length - 2;
      if (!established(n + 1) || !established(n)) {
        if (runLength[n - 1] < runLength[n + 1]) n--;
        mergeAt(n);
      } else if (runLength[n] <= runLength[n + 1]) {
        mergeAt(n);
      } else {
        break;
      }
    }
  }

  let minRun = length, odd = 0;
  while (minRun >= 64) { odd |= minRun & 1; minRun >>= 1; }
  minRun += odd;
  let low = 0, remaining = length;
  while (remaining !== 0) {
    let current = countAndMakeRun(low, low + remaining);
    if (current < minRun) {
      const forced = remaining < minRun ? remaining : minRun;
      binaryInsertionSort(low, low + current, low + forced);
      current = forced;
    }
    runBase.push(low);
    runLength.push(current);
    mergeCollapse();
    low += current;
    remaining -= current;
  }
  while (runBase.length > 1) {
    let n = runBase.length - 2;
    if (n > 0 && runLength[n - 1] < runLength[n + 1]) n--;
    mergeAt(n);
  }
}
return timSort;
})
