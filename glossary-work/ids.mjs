import { pinyin } from 'pinyin-pro';
import fs from 'fs';
const lines = fs.readFileSync('glossary-work/plan.txt','utf8').trim().split('\n');
const out=[]; const seen=new Set();
for (const l of lines){ const [g,c,...t]=l.split(' '); const term=t.join(' ');
 let id = pinyin(term.replace(/[《》“”、，+\s]/g,''),{toneType:'none',type:'array',nonZh:'removed'}).join('-').replace(/ü/g,'v');
 if (term==='人才+') id='rencai-plus'; if (term==='对表') id='dui-biao-timetable'; if (term==='对标') id='dui-biao-benchmark'; if (term==='对标对表') id='duibiao-duibiao';
 if (id.length>40){ id = pinyin(term.replace(/[《》“”、，+\s]/g,''),{pattern:'first',toneType:'none',type:'array'}).join(''); }
 if (seen.has(id)) throw new Error(id); seen.add(id);
 out.push([g,id,c,term].join('\t'));}
fs.writeFileSync('glossary-work/plan.tsv', out.join('\n')+'\n');
