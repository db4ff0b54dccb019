// the module with configuration/ was validated and got reports; the parent and the other module were left alone
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'with-configuration/target/config-cicd/config-cicd.json').isFile()
assert !new File(basedir, 'without-configuration/target/config-cicd').exists()
assert !new File(basedir, 'target/config-cicd').exists()
assert log.count('no configuration directory at configuration, nothing to validate') == 2
assert log.count('config-cicd validate: 2 environments') == 1
true
